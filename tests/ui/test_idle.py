"""when_idle: work put off until the window has had a turn of its own."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from facilitator.ui.idle import when_idle


def test_idle_work_runs_later_after_the_calls_queued_before_it(qtbot) -> None:  # noqa: ANN001
    owner = QObject()
    order: list[str] = []
    QTimer.singleShot(0, owner, lambda: order.append("queued"))
    when_idle(owner, lambda: order.append("idle"))
    assert order == []  # not at once
    qtbot.waitUntil(lambda: "idle" in order, timeout=2000)
    assert order == ["queued", "idle"]
    qtbot.waitUntil(lambda: owner.findChildren(QTimer) == [], timeout=2000)  # its timer went


def test_idle_work_of_a_deleted_receiver_never_runs(qtbot) -> None:  # noqa: ANN001
    owner = QObject()
    ran: list[bool] = []
    when_idle(owner, lambda: ran.append(True))
    owner.deleteLater()
    del owner
    qtbot.wait(50)
    assert ran == []
