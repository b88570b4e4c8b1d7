#!/usr/bin/env bash
# Fails when a UI string lacks a Swedish, Finnish or English translation, or a translation is fuzzy.
# makemessages runs in a copy of the source tree, so the check never rewrites the committed catalogs.
cd "$(dirname "$0")/.."
source scripts/lib.sh

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar --exclude=./.venv --exclude=./node_modules --exclude=./var --exclude=./.git -cf - . | tar -xf - -C "$work"
python="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"
(cd "$work" && DJANGO_DEBUG=true "$python" manage.py makemessages -l sv -l fi -l en --no-obsolete -v0)
status=0
for po in "$work"/locale/*/LC_MESSAGES/django.po; do
  lang="$(basename "$(dirname "$(dirname "$po")")")"
  stats="$(msgfmt --statistics -o /dev/null "$po" 2>&1)"
  echo "  $lang: $stats"
  case "$stats" in *untranslated*|*fuzzy*)
    status=1
    echo "    untranslated or fuzzy in $lang:"
    msgattrib --untranslated "$po" | grep '^msgid' | sed 's/^/      /' | head -40
    msgattrib --only-fuzzy "$po" | grep '^msgid' | sed 's/^/      /' | head -40
    ;;
  esac
done
[ "$status" = 0 ] || die "Translation catalogs are incomplete: run 'make messages' and translate the entries above."
echo "  catalogs complete"
