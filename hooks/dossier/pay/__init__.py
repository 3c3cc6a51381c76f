"""Pay as data: the compensation front matter checked against a schema, compared with the text, rendered and compared."""
