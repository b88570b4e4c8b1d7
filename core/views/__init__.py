"""Pages of the shared app: profile, forums, meetings and the calendar."""
