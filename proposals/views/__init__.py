"""Pages of the proposals app: the workflow (workflow.py) and participation (participation.py)."""
