"""Drafts in: Markdown (``markdown``) and Word or OpenDocument files (``office``) become chapters and sections."""
