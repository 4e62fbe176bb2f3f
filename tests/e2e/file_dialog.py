"""Chooses a file in the system's file dialog with real key presses (XTest),
as a person would: the file's path (its "/" opens the location box), Enter.
For the end-to-end tests (Xvfb has no window manager, so the dialog is given
the keyboard focus here).

    file_dialog.py DIALOG_TITLE PATH

Waits for a window titled DIALOG_TITLE (the GTK file chooser the app opens),
then types; types again if the dialog is still open a moment later (keys
typed while it sets itself up can be lost). Exits 1 if no such window shows
up or it never takes the path.
"""
import sys
import time
from Xlib import X, XK, display
from Xlib.ext import xtest

# How long to look for the dialog, and how often: it opens a moment after the click.
PATIENCE_S = 30
POLL_S = 0.05
# How long the dialog has to close after Enter before the path is typed again,
# and how many times.
CLOSE_S = 3
TRIES = 5

d = display.Display()
root = d.screen().root


def windows(w):
    yield w
    for child in w.query_tree().children:
        yield from windows(child)


def find(title):
    for w in windows(root):
        try:
            if w.get_wm_name() == title and w.get_attributes().map_state == X.IsViewable:
                return w
        except Exception:
            continue
    return None


def closes(dialog):
    """Whether `dialog` goes away (unmapped or destroyed) within CLOSE_S."""
    deadline = time.monotonic() + CLOSE_S
    while time.monotonic() < deadline:
        try:
            if dialog.get_attributes().map_state != X.IsViewable:
                return True
        except Exception:
            return True
        time.sleep(POLL_S)
    return False


def press(keysym, shift=False, ctrl=False):
    code = d.keysym_to_keycode(keysym)
    mods = []
    if ctrl:
        mods.append(d.keysym_to_keycode(XK.XK_Control_L))
    if shift:
        mods.append(d.keysym_to_keycode(XK.XK_Shift_L))
    for m in mods:
        xtest.fake_input(d, X.KeyPress, m)
    xtest.fake_input(d, X.KeyPress, code)
    xtest.fake_input(d, X.KeyRelease, code)
    for m in reversed(mods):
        xtest.fake_input(d, X.KeyRelease, m)
    d.sync()


def type_text(text):
    for c in text:
        keysym = ord(c)  # Latin-1 keysyms are their code points
        code = d.keysym_to_keycode(keysym)
        if code == 0:
            raise SystemExit(f"no key types {c!r}")
        press(keysym, shift=d.keycode_to_keysym(code, 0) != keysym)


def main():
    title, path = sys.argv[1], sys.argv[2]
    deadline = time.monotonic() + PATIENCE_S
    dialog = find(title)
    while dialog is None:
        if time.monotonic() > deadline:
            print(f"no window titled {title!r}", flush=True)
            return 1
        time.sleep(POLL_S)
        dialog = find(title)
    # Keys typed while the chooser is still setting itself up can be lost (on
    # "Recent", the first key only leaves that view; the app opens the dialog
    # on a folder for that reason), as they could for a person who types at
    # once: as a person would, look whether the dialog closed, and if not type
    # it again over what is there.
    for attempt in range(1, TRIES + 1):
        dialog.set_input_focus(X.RevertToParent, X.CurrentTime)
        d.sync()
        # Ctrl+A selects what the location box holds (typing replaces it); in
        # the file list it selects nothing, and the path's leading "/" opens
        # the location box there. (Ctrl+L would toggle the box, so a second
        # try would close it again.)
        press(XK.XK_a, ctrl=True)
        type_text(path)
        press(XK.XK_Return)
        if closes(dialog):
            print(f"typed {attempt} time(s)", file=sys.stderr, flush=True)
            break
    else:
        print("the dialog did not take the path", flush=True)
        return 1
    print("chosen", flush=True)
    return 0


sys.exit(main())
