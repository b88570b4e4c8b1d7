from django.core.management.base import BaseCommand
from django.utils import timezone

from demo.haninge import build
from demo.notifications import send_demo_digest
from demo.protocols import held_protocol_meetings
from demo.reports import build_demo_reports


class Command(BaseCommand):
    help = "Build Haninge's demo data from the seeds (safe to run again: nothing changes the second time)."

    def handle(self, *args, **options):
        result = build()
        reports = build_demo_reports(timezone.localdate())
        self.stdout.write(self.style.SUCCESS("Haninge demo data is in place. Demo logins (one per role):"))
        width = max(len(str(role)) for role, _email, _password in result["logins"])
        for role, email, password in result["logins"]:
            self.stdout.write(f"  {str(role):<{width}}  {email:<32} {password}")
        protocols = self.render_newest_protocol() if reports else 0
        if protocols:
            self.stdout.write(
                f"The consultation group's newest protocol is rendered in {protocols} languages."
            )
        digest = send_demo_digest()
        if digest:
            self.stdout.write(
                f"A daily digest of a proposal's story went to {digest} (see the mail console)."
            )
        if reports:
            self.stdout.write(f"Reports in the archive: {len(reports)}")
        else:
            self.stdout.write("No demo reports: WeasyPrint needs Pango (apt-get install libpango-1.0-0).")

    def render_newest_protocol(self) -> int:
        """The newest approved protocol as PDF, in Swedish and Finnish (the sweep renders the older ones)."""
        from core.protocols import render_protocols

        meetings = held_protocol_meetings()
        return render_protocols(meetings[-1].pk) if meetings else 0
