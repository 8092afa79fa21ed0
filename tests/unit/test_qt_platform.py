from sdi_desktop.qt_platform import diagnose, missing_xcb_libraries, uses_xcb


def _loader(missing):
    return lambda soname: soname not in missing


def test_names_the_missing_library_and_the_package_to_install():
    message = diagnose(
        env={"DISPLAY": ":0"}, platform="linux", can_load=_loader({"libxcb-cursor.so.0"})
    )
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt-get install libxcb-cursor0" in message


def test_lists_every_missing_library():
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    assert [pkg for _, pkg in missing_xcb_libraries(_loader(missing))] == [
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
    ]


def test_no_display_is_explained():
    message = diagnose(env={}, platform="linux", can_load=_loader(set()))
    assert "no display" in message and "QT_QPA_PLATFORM=offscreen" in message


def test_nothing_to_say_when_all_is_well_or_not_xcb():
    assert diagnose(env={"DISPLAY": ":0"}, platform="linux", can_load=_loader(set())) is None
    everything_missing = lambda soname: False  # noqa: E731
    assert diagnose({"QT_QPA_PLATFORM": "offscreen"}, "linux", everything_missing) is None
    assert diagnose({}, "darwin", everything_missing) is None
    assert diagnose({}, "win32", everything_missing) is None


def test_wayland_sessions_do_not_need_xcb():
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"DISPLAY": ":0"})
