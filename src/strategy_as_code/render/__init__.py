"""Render the model to what a site engine consumes: Markdown pages per entity and HTML
fragments for the overview pages. Templates live in ``templates/``; nothing here knows MkDocs."""
