"""Where an agreement is kept: opening a workspace (SQLite file or PostgreSQL database), its migrations, and the audit entry every action appends."""
