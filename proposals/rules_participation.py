"""Permissions for comments, support and the consultation log."""
