"""Asks Galley's window to close the way a window manager's close button does:
a WM_DELETE_WINDOW client message. Used by the end-to-end tests (Xvfb has no
window manager, and WebDriver's own close bypasses the app's close handler)."""
import sys
from Xlib import X, display, protocol

d = display.Display()
root = d.screen().root
wm_protocols = d.intern_atom("WM_PROTOCOLS")
wm_delete = d.intern_atom("WM_DELETE_WINDOW")


def windows(w):
    yield w
    for child in w.query_tree().children:
        yield from windows(child)


sent = 0
for w in windows(root):
    try:
        name = w.get_wm_name()
        protocols = w.get_wm_protocols() or []
    except Exception:
        continue
    if name == sys.argv[1] and wm_delete in protocols:
        event = protocol.event.ClientMessage(window=w, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0]))
        w.send_event(event, event_mask=X.NoEventMask)
        sent += 1
d.flush()
sys.exit(0 if sent else 1)
