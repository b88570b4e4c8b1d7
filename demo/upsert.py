"""Writing demo data so that building it twice changes nothing."""


def upsert(model: type, *, defaults: dict, **lookup) -> tuple:
    """update_or_create that writes (and records history) only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False
