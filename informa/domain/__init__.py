"""Pure Python core: value types, rules and parsers. Never imports peewee or Textual."""
