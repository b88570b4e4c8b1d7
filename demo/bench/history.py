"""History rows for what bench_data bulk-creates (bulk_create skips django-simple-history's signals).

The pages that show history (an action's, a proposal's, a commitment's, a meeting's) read them: each row
is the object as it was after a change, dated when the change happened and by the person who made it.
"""

import copy
import datetime as dt

from core.models import Meeting
from dialogues.models import Commitment, CommitmentStatus
from followup.models import Action
from proposals.models import Proposal, ProposalStatus

from .context import BATCH, Context


def _state(obj, moment, user, reason: str = "", **changes):
    state = copy.copy(obj)
    for name, value in changes.items():
        setattr(state, name, value)
    state._history_date = moment
    state._history_user = user
    state._change_reason = reason[:100]
    return state


def _save(model, created: list, changed: list) -> int:
    model.history.bulk_history_create(created, batch_size=BATCH)
    model.history.bulk_history_create(changed, batch_size=BATCH, update=True)
    return len(created) + len(changed)


def proposal_history(ctx: Context, proposals: list[Proposal]) -> int:
    created, changed = [], []
    unanswered = {"answered": None, "answered_comment": "", "answered_at": None}
    for p in proposals:
        created.append(
            _state(
                p,
                p.created_at,
                p.proposer,
                "submitted",
                status=ProposalStatus.RECEIVED,
                status_reason="",
                status_changed_at=p.created_at,
                agenda_item_id=None,
                merged_into_id=None,
                deferred_to_meeting_id=None,
                deferred_until=None,
                **unanswered,
            )
        )
        if p.status != ProposalStatus.RECEIVED:
            changed.append(
                _state(p, p.status_changed_at, ctx.demo_coordinator, p.status_reason, **unanswered)
            )
        if p.answered is not None:
            reason = "answered" if p.answered else "not answered"
            changed.append(_state(p, p.answered_at, p.proposer, reason))
    return _save(Proposal, created, changed)


def commitment_history(commitments: list[Commitment]) -> int:
    created, changed = [], []
    for c in commitments:
        received = {"received_at": None, "received_at_meeting_id": None}
        created.append(
            _state(
                c,
                c.created_at,
                c.created_by,
                status=CommitmentStatus.OPEN,
                answer="",
                answered_at=None,
                answered_by_id=None,
                **received,
            )
        )
        if c.status != CommitmentStatus.OPEN:
            changed.append(
                _state(c, c.answered_at, c.answered_by, status=CommitmentStatus.ANSWERED, **received)
            )
        if c.status == CommitmentStatus.RECEIVED:
            changed.append(_state(c, c.received_at, c.created_by))
    return _save(Commitment, created, changed)


def meeting_history(ctx: Context) -> int:
    # A meeting is planned some six weeks ahead.
    created = [
        _state(p.meeting, p.meeting.starts_at - dt.timedelta(days=42), p.meeting.created_by)
        for p in ctx.plans()
        if not p.existing
    ]
    return _save(Meeting, created, [])


def action_history(rows: list) -> int:
    created = [state for first, state in rows if first]
    changed = [state for first, state in rows if not first]
    return _save(Action, created, changed)
