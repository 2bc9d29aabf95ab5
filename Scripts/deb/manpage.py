#!/usr/bin/env python3
"""regtracker(1) from the argument parser's own description: `regtracker --experimental-dump-help` (JSON) in,
one man page (roff) out, every subcommand a section. Usage: manpage.py BINARY VERSION > regtracker.1"""
import json
import subprocess
import sys


def roff(text):
    """Escapes text for roff: backslashes, and a leading dot or quote that would start a request."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line if line[:1] in (".", "'") else line) for line in text.splitlines())


def synopsis(path, command, top):
    parts = []
    for argument in command.get("arguments", []):
        if not shown(argument, top):
            continue
        names = argument.get("names") or []
        long = next((n for n in names if n["kind"] == "long"), names[0] if names else None)
        if argument["kind"] == "positional":
            item = "<" + argument.get("valueName", "value") + ">"
        else:
            item = ("--" if long["kind"] == "long" else "-") + long["name"]
            if argument["kind"] == "option":
                item += " <" + argument.get("valueName", "value") + ">"
        if argument.get("isRepeating"):
            item += " ..."
        parts.append("[" + item + "]" if argument.get("isOptional") else item)
    if command.get("subcommands"):
        parts.append("<subcommand>")
    return ".B " + roff(" ".join(path)) + "\n" + roff(" ".join(parts))


def shown(argument, top):
    """Every subcommand repeats --version and --help: the page gives them once, at the top."""
    if argument.get("shouldDisplay") is False:
        return False
    names = {n["name"] for n in argument.get("names") or []}
    return top or not names & {"version", "help"}


def options(command, top):
    lines = []
    for argument in command.get("arguments", []):
        if not shown(argument, top):
            continue
        names = argument.get("names") or []
        if argument["kind"] == "positional":
            label = "<" + argument.get("valueName", "value") + ">"
        else:
            label = ", ".join(("--" if n["kind"] in ("long", "longWithSingleDash") else "-") + n["name"] for n in names)
            if argument["kind"] == "option":
                label += " <" + argument.get("valueName", "value") + ">"
        text = argument.get("abstract", "")
        if argument.get("defaultValue") not in (None, "", "false"):
            text += " (default: " + str(argument["defaultValue"]) + ")"
        if argument.get("discussion"):
            text += "\n" + str(argument["discussion"])
        lines += [".TP", "\\fB" + roff(label) + "\\fR", roff(text)]
    return lines


def section(path, command, top=False):
    lines = []
    if not top:
        lines.append(".SH " + roff(" ".join(path[1:]).upper()))
    lines += [synopsis(path, command, top), ".PP", roff(command.get("abstract", ""))]
    if command.get("discussion"):
        lines += [".PP", roff(command["discussion"])]
    lines += options(command, top)
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay") is False or sub["commandName"] == "help":
            continue
        lines += section(path + [sub["commandName"]], sub)
    return lines


def main():
    binary, version = sys.argv[1], sys.argv[2]
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True).stdout)
    tool = dump["command"]
    name = tool["commandName"]
    page = [
        '.TH "%s" "1" "" "%s %s" "User Commands"' % (name.upper(), name, version),
        ".SH NAME",
        name + " \\- " + roff(tool.get("abstract", "")),
        ".SH SYNOPSIS",
    ]
    page += section([name], tool, top=True)
    page += [
        ".SH FILES",
        ".TP", "/etc/default/regtracker",
        "The folders of the systemd units: database, inbox, reports, backups; the dashboard's address.",
        ".TP", "/var/lib/regtracker/regtracker.sqlite",
        "The database of the packaged units (personal data, mode 0600).",
        ".SH SEE ALSO",
        "systemctl(1): regtracker\\-import.timer, regtracker\\-backup.timer, regtracker\\-serve.service;"
        " /usr/share/doc/regtracker/rules.md",
    ]
    print("\n".join(page))


main()
