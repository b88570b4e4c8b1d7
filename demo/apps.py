from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for Haninge, built from the municipality's own documents; nothing imports this app."""

    name = "demo"
    verbose_name = "Demo"
