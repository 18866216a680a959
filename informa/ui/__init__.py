"""The Textual interface. Talks to the store only through the services it is handed."""
