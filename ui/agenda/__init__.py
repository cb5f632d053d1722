"""The task agenda (uitwerkingsagenda): the table, its filters, the editing panel and the timeline."""
