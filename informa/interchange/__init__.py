"""Outside formats (LinkedIn CSV, vCard, iCalendar, Markdown, backups): one module each."""
