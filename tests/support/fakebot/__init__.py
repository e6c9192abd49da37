"""A fake Telegram Bot API server and a fake learner, for end-to-end tests and benchmarks."""

from fakebot.client import Learner
from fakebot.server import Call, FakeBotApi, Fault, RunBot, Sent, StartBot, free_port
from fakebot.updates import FakeUser

__all__ = [
    "Call",
    "FakeBotApi",
    "FakeUser",
    "Fault",
    "Learner",
    "RunBot",
    "Sent",
    "StartBot",
    "free_port",
]
