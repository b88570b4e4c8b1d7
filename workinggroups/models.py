"""Models only this tier has; the shared meeting machinery lives in core."""
