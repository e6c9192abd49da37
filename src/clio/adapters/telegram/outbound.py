"""Messages Clio starts itself (daily prompts): sent to a learner's private chat."""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from clio.adapters.telegram.bot import ClioBot
from clio.adapters.telegram.port import PLATFORM
from clio.adapters.telegram.sending import Backoff, Blocked, send_replies
from clio.core.messages import Reply
from clio.core.records import Learner
from clio.service.outbox import Delivery

log = logging.getLogger(__name__)


async def deliver(
    bot: ClioBot, learner: Learner, replies: tuple[Reply, ...], *, backoff: Backoff
) -> Delivery:
    """Send `replies` to `learner`; what happened, for the prompt ticker to record."""
    if learner.platform != PLATFORM:
        return Delivery.SKIPPED  # another platform's learner: not ours to reach
    try:
        # A private chat's id is the user's id, which is the learner's external id.
        await send_replies(bot, int(learner.external_id), replies, backoff=backoff)
    except Blocked:
        log.info("learner %s blocked the bot; no more prompts", learner.id)
        return Delivery.BLOCKED
    except TelegramError as error:  # still failing after the retries: the next tick tries again
        log.warning("prompt for learner %s not sent: %s", learner.id, error)
        return Delivery.FAILED
    return Delivery.SENT
