"""The support overview: the matrix of positions per section and party, its filters, and the chart."""
