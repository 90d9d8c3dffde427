"""Every key the main window answers to, read from its live widgets.

One table serves three uses: Help ▸ Keyboard shortcuts shows it, a test fails when two things
answer to the same key at the same time, and the README's keyboard notes are checked against
it. It is read from the widgets themselves (menu actions, area actions, shortcuts,
buttons, field labels with a buddy, group boxes and tabs, whose ``&`` letters are Alt+letter
mnemonics), so it cannot drift from what the keys really do. Keys that a widget handles in its
own ``keyPressEvent`` are declared beside that code with :func:`declare_keys`.

When do two keys clash? Qt answers a key with every enabled shortcut that matches where the
focus is; two of them make an "Ambiguous shortcut overload" (the key does nothing, or for
mnemonics, only moves the focus). A shortcut is active

* for the whole window (menus, window actions, mnemonics) while its widget is visible;
* for a widget and its children (``WidgetWithChildrenShortcut``) while the focus is inside;
* for one widget (``WidgetShortcut``, declared keys) while that widget has the focus.

Two entries clash when their keys are equal, one's scope contains the other's, and both can be
on screen together: widgets on different pages of a stack (the areas, the pages of a tab
widget) never are. Mnemonics of menu items clash only inside one menu.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QStackedWidget,
    QTabBar,
    QWidget,
)

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

KEYS_PROPERTY = "facilitator_keys"
WINDOW_GROUP = "Window"


class Scope(Enum):
    WINDOW = "window"  # anywhere in the window while the owner is visible
    TREE = "tree"  # focus in the scope widget or one of its children
    WIDGET = "widget"  # focus on the scope widget itself
    MENU = "menu"  # a letter inside one open menu
    OWN_WINDOW = "own window"  # a window of its own (a projector) while it has the focus


@dataclass(frozen=True)
class Key:
    """One key and what it does, where."""

    keys: str  # as the user presses it: "Ctrl+N", "Alt+S", "Alt+F, N"
    what: str  # what it does, in the words of the button, menu or label
    group: str  # "Window" or the area's title
    where: str = ""  # "File menu", "Live tab", "note list"…
    match: str = field(default="", compare=False)  # the key that clashes (portable text)
    scope: Scope = field(default=Scope.WINDOW, compare=False)
    scope_widget: QObject | None = field(default=None, compare=False, repr=False)
    owner: QObject | None = field(default=None, compare=False, repr=False)
    # What answers the key (an action, a shortcut, a widget, a tab): one source never
    # clashes with itself, e.g. an action shown both in the area and on a tool button.
    source: object = field(default=None, compare=False, repr=False)


def declare_keys(widget: QWidget, *keys: tuple[str, str]) -> None:
    """Say which keys ``widget`` handles itself while it has the focus (``keyPressEvent``).

    ``keys`` are ``(key, what it does)`` pairs; the key in Qt's portable text ("Return",
    "Ctrl+Up", "Shift+Return").
    """
    widget.setProperty(KEYS_PROPERTY, [list(k) for k in keys])


def describe_shortcuts(widget: QWidget, what: dict[str, str]) -> None:
    """Say what the shortcuts of ``widget`` do, by key ("Del": "Delete the note")."""
    for shortcut in widget.findChildren(QShortcut):
        text = what.get(portable(shortcut.key()))
        if text and not shortcut.whatsThis():
            shortcut.setWhatsThis(text)


def portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def native(seq: QKeySequence | str) -> str:
    if isinstance(seq, str):
        seq = QKeySequence(seq)
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def plain(text: str) -> str:
    """A button's or menu's text as read: no mnemonic ``&``, no trailing ellipsis."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def mnemonic(text: str) -> str:
    """The Alt+letter a text's ``&`` makes ("" when it has none)."""
    return portable(QKeySequence.mnemonic(text))


def mnemonic_letter(text: str) -> str:
    seq = mnemonic(text)
    return seq.split("+")[-1] if seq else ""


# -- reading the window -------------------------------------------------------------------
def collect(window: MainWindow) -> list[Key]:
    """The window's keys, and those of every area built so far."""
    window.menus.fill()
    areas = {widget: spec_title(window, key) for key, widget in window.areas.items()}
    keys = list(_menu_keys(window))
    keys += _action_keys(window, areas)
    keys += _widget_keys(window.centralWidget(), areas)
    seen: set[tuple[str, str, str, str, int]] = set()
    unique = []
    for k in keys:
        ident = (k.keys, k.what, k.group, k.where, id(k.owner))
        if ident not in seen:
            seen.add(ident)
            unique.append(k)
    return unique


def collect_all(window: MainWindow) -> list[Key]:
    """Every area's keys (building the areas not visited yet) and the projectors' keys."""
    window.build_all_areas()
    return collect(window) + projector_keys()


def collect_window(root: QWidget, group: str) -> list[Key]:
    """The mnemonics, shortcuts and declared keys of a window of its own (a dialog)."""
    return list(_widget_keys(root, {root: group}))


def projector_keys() -> list[Key]:
    """The keys of the projector windows, which answer only while they have the focus."""
    from facilitator.ui.agenda import projector as timer
    from facilitator.ui.teams import projector as teams

    found = []
    for group, keys in (("Projector: session timer", timer.KEYS), ("Projector: teams", teams.KEYS)):
        for key, what in keys:
            seq = QKeySequence(key)
            scope = Scope.OWN_WINDOW
            found.append(Key(native(seq), what, group, "", portable(seq), scope, source=key))
    return found


def spec_title(window: MainWindow, key: str) -> str:
    from facilitator.ui.areas import AREAS

    return next((s.title for s in AREAS if s.key == key), key)


def _menu_keys(window: MainWindow) -> Iterator[Key]:
    """Menu bar mnemonics (Alt+F…), and each menu item's letter and shortcut."""
    bar = window.menuBar()
    for top in bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        letter = mnemonic(top.text())
        title = plain(top.text())
        if letter:
            yield Key(
                letter, f"{title} menu", WINDOW_GROUP, "menu bar", letter, owner=bar, source=top
            )
        yield from _menu_items(window, menu, [title], letter)


def _menu_items(window: MainWindow, menu: QMenu, path: list[str], prefix: str) -> Iterator[Key]:
    where = " ▸ ".join(path) + " menu" if len(path) == 1 else " ▸ ".join(path)
    for action in menu.actions():
        if action.isSeparator():
            continue
        what = plain(action.text())
        letter = mnemonic_letter(action.text())
        if letter:
            keys = f"{prefix}, {letter}" if prefix else letter
            yield Key(keys, what, WINDOW_GROUP, where, letter, Scope.MENU, menu, menu, action)
        for seq in action.shortcuts():
            yield Key(
                native(seq), what, WINDOW_GROUP, where, portable(seq), owner=window, source=action
            )
        if action.menu() is not None:
            sub_prefix = f"{prefix}, {letter}" if prefix and letter else ""
            yield from _menu_items(window, action.menu(), [*path, what], sub_prefix)


def _in_menu(action: QAction) -> bool:
    return any(isinstance(o, QMenu) for o in action.associatedObjects())


def _area_of(widget: QObject | None, areas: dict[QWidget, str]) -> QWidget | None:
    obj = widget
    while obj is not None:
        if obj in areas:
            return obj  # type: ignore[return-value]
        obj = obj.parent()
    return None


def _tab_of(widget: QObject, stop: QObject | None) -> str:
    """The title of the tab page holding ``widget`` (inside ``stop``), or ""."""
    from PySide6.QtWidgets import QTabWidget

    obj = widget
    while obj is not None and obj is not stop:
        parent = obj.parent()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parent(), QTabWidget):
            tabs = parent.parent()
            index = tabs.indexOf(obj)  # type: ignore[arg-type]
            if index >= 0:
                return plain(tabs.tabText(index)).split(" (")[0] + " tab"
        obj = parent
    return ""


def _action_keys(window: MainWindow, areas: dict[QWidget, str]) -> Iterator[Key]:
    """Shortcuts of actions that are not in a menu (areas' toolbars and card actions)."""
    actions: dict[int, QAction] = {}
    for obj in [window, *window.findChildren(QWidget)]:
        for action in obj.actions():
            actions[id(action)] = action
    for action in window.findChildren(QAction):
        actions[id(action)] = action
    for action in actions.values():
        if not action.shortcuts() or _in_menu(action):
            continue
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        # A tool button showing the action sits inside the widget that holds it.
        outer = [w for w in widgets if not any(o is not w and o.isAncestorOf(w) for o in widgets)]
        context = action.shortcutContext()
        for holder in outer or [window]:
            area = _area_of(holder, areas)
            group = areas.get(area, WINDOW_GROUP) if area is not None else WINDOW_GROUP
            where = _tab_of(holder, area)
            for seq in action.shortcuts():
                if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
                    scope, scope_widget = Scope.TREE, holder
                elif context == Qt.ShortcutContext.WidgetShortcut:
                    scope, scope_widget = Scope.WIDGET, holder
                else:
                    scope, scope_widget = Scope.WINDOW, None
                yield Key(
                    native(seq),
                    plain(action.text()),
                    group,
                    where,
                    portable(seq),
                    scope,
                    scope_widget,
                    holder,
                    action,
                )


def _widget_keys(root: QWidget, areas: dict[QWidget, str]) -> Iterator[Key]:
    """Mnemonics of buttons, labels, group boxes and tabs; QShortcuts; declared keys."""
    for widget in [root, *root.findChildren(QWidget)]:
        area = _area_of(widget, areas)
        group = areas.get(area, WINDOW_GROUP) if area is not None else WINDOW_GROUP
        where = _tab_of(widget, area)
        for n, (text, what, kind) in enumerate(_mnemonic_texts(widget)):
            letter = mnemonic(text)
            if letter:
                place = ", ".join(p for p in (where, kind) if p)
                yield Key(
                    native(letter), what, group, place, letter, owner=widget, source=(widget, n)
                )
        declared = widget.property(KEYS_PROPERTY)
        for n, (key, what) in enumerate(declared or []):
            seq = QKeySequence(key)
            yield Key(
                native(seq),
                what,
                group,
                where,
                portable(seq),
                Scope.WIDGET,
                widget,
                widget,
                (widget, "declared", n),
            )
    for shortcut in root.findChildren(QShortcut):
        holder = shortcut.parent()
        if not isinstance(holder, QWidget):
            continue
        area = _area_of(holder, areas)
        group = areas.get(area, WINDOW_GROUP) if area is not None else WINDOW_GROUP
        context = shortcut.context()
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            scope, scope_widget = Scope.TREE, holder
        elif context == Qt.ShortcutContext.WidgetShortcut:
            scope, scope_widget = Scope.WIDGET, holder
        else:
            scope, scope_widget = Scope.WINDOW, None
        for seq in shortcut.keys():
            yield Key(
                native(seq),
                shortcut.whatsThis() or shortcut.objectName(),
                group,
                _tab_of(holder, area),
                portable(seq),
                scope,
                scope_widget,
                holder,
                shortcut,
            )


def _mnemonic_texts(widget: QWidget) -> Iterable[tuple[str, str, str]]:
    """(text with &, what it does, what kind of widget) for the widget's mnemonics."""
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            text = widget.tabText(i)
            yield text, plain(text).split(" (")[0] + " tab", "tab"
    elif isinstance(widget, QAbstractButton):
        yield widget.text(), plain(widget.text()), _button_kind(widget)
    elif isinstance(widget, QLabel) and widget.buddy() is not None:
        yield widget.text(), plain(widget.text()).rstrip(":"), "field"
    elif isinstance(widget, QGroupBox):
        yield widget.title(), plain(widget.title()), "group"


def _button_kind(button: QAbstractButton) -> str:
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if isinstance(button, QCheckBox):
        return "tick box"
    if isinstance(button, QRadioButton):
        return "choice"
    return "button"


# -- clashes ------------------------------------------------------------------------------
def _ancestors(obj: QObject | None) -> list[QObject]:
    chain = []
    while obj is not None:
        chain.append(obj)
        obj = obj.parent()
    return chain


def _contains(outer: QObject | None, inner: QObject | None) -> bool:
    """Whether ``outer`` is ``inner`` or one of its ancestors (None is the whole window)."""
    return outer is None or outer in _ancestors(inner)


def can_show_together(a: QObject | None, b: QObject | None) -> bool:
    """False when ``a`` and ``b`` sit on different pages of one stack (areas, tabs)."""
    if a is None or b is None:
        return True
    chain_a, chain_b = _ancestors(a), _ancestors(b)
    for i, obj in enumerate(chain_a):
        if isinstance(obj, QStackedWidget) and obj in chain_b:
            page_a = chain_a[i - 1] if i > 0 else None
            j = chain_b.index(obj)
            page_b = chain_b[j - 1] if j > 0 else None
            if page_a is not None and page_b is not None and page_a is not page_b:
                return obj.indexOf(page_a) < 0 or obj.indexOf(page_b) < 0  # type: ignore
    return True


def _overlap(a: Key, b: Key) -> bool:
    if a.scope is Scope.OWN_WINDOW or b.scope is Scope.OWN_WINDOW:
        return a.scope is b.scope and a.group == b.group
    if a.scope is Scope.MENU or b.scope is Scope.MENU:
        return a.scope is b.scope and a.scope_widget is b.scope_widget
    if a.scope is Scope.WIDGET and b.scope is Scope.WIDGET:
        return a.scope_widget is b.scope_widget
    if a.scope is Scope.WIDGET:
        return _contains(b.scope_widget, a.scope_widget)
    if b.scope is Scope.WIDGET:
        return _contains(a.scope_widget, b.scope_widget)
    return _contains(a.scope_widget, b.scope_widget) or _contains(b.scope_widget, a.scope_widget)


def clashes(keys: list[Key]) -> list[tuple[Key, Key]]:
    """Pairs of entries that answer to the same key at the same time."""
    by_key: dict[str, list[Key]] = {}
    for k in keys:
        if k.match:
            by_key.setdefault(k.match.lower(), []).append(k)
    found = []
    for same in by_key.values():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if a.source is not None and a.source == b.source:
                    continue
                if _overlap(a, b) and can_show_together(a.owner, b.owner):
                    found.append((a, b))
    return found


def describe(pair: tuple[Key, Key]) -> str:
    a, b = pair
    return (
        f"{a.keys}: “{a.what}” ({a.group}{', ' + a.where if a.where else ''}) and "
        f"“{b.what}” ({b.group}{', ' + b.where if b.where else ''})"
    )
