"""A Language Server Protocol client in Python's standard library.

Just enough of LSP to drive a clangd over stdio as an editor does: start it,
initialize with the capabilities editors announce for diagnostics and code
actions, open and change documents, wait for published diagnostics, ask for
code actions and apply their edits. Used by the editor test
(test/clangd/editor-session.test) and the latency benchmark
(bench/clangd-latency.py).
"""

import json
import os
import queue
import subprocess
import threading
import time
import urllib.parse
import urllib.request


def uri(path):
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


def path_of(file_uri):
    return urllib.parse.unquote(urllib.parse.urlparse(file_uri).path)


class LSPError(Exception):
    pass


class Client:
    """One language server process and the messages between it and us."""

    def __init__(self, command, root, stderr=None, env=None):
        self.process = subprocess.Popen(
            command, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr if stderr is not None else subprocess.DEVNULL,
            env=env)
        self.root = root
        self.next_id = 1
        self.responses = {}
        self.notifications = queue.Queue()
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # Framing: "Content-Length: N\r\n\r\n" and N bytes of JSON.
    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body))
        self.process.stdin.write(body)
        self.process.stdin.flush()

    def _read(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.notifications.put(None)
                    with self.cond:
                        self.cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                raise LSPError("a message without Content-Length")
            message = json.loads(out.read(length))
            if "id" in message and "method" not in message:
                with self.cond:
                    self.responses[message["id"]] = message
                    self.cond.notify_all()
            elif "id" in message:
                # A request from the server (workDoneProgress/create,
                # workspace/configuration...): answer as an editor would.
                self._send({"jsonrpc": "2.0", "id": message["id"],
                            "result": None})
            else:
                self.notifications.put(message)

    def request(self, method, params, timeout=60):
        rid = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": rid, "method": method,
                    "params": params})
        deadline = time.monotonic() + timeout
        with self.cond:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise LSPError(f"no response to {method}")
                self.cond.wait(left)
            response = self.responses.pop(rid)
        if "error" in response:
            raise LSPError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, method, accept=lambda params: True, timeout=120):
        """The params of the next notification `method` that `accept`s."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LSPError(f"no {method} within {timeout} s")
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise LSPError(f"the server exited waiting for {method}")
            if message.get("method") == method and accept(message["params"]):
                return message["params"]

    def initialize(self):
        capabilities = {
            "textDocument": {
                "publishDiagnostics": {
                    "relatedInformation": True,
                    "codeDescriptionSupport": True,
                    "versionSupport": True,
                },
                "codeAction": {
                    "codeActionLiteralSupport": {"codeActionKind": {
                        "valueSet": ["quickfix", "refactor", "source"]}},
                    "isPreferredSupport": True,
                },
                "synchronization": {"didSave": True},
            },
            "workspace": {"workspaceEdit": {"documentChanges": True}},
        }
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri(self.root),
            "capabilities": capabilities})
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "cpp", "version": version,
            "text": text}})

    def change(self, path, text, version):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": [{"text": text}]})

    def diagnostics(self, path, version=None, timeout=120):
        """The next diagnostics published for `path` (at `version`)."""
        def accept(params):
            return params["uri"] == uri(path) and (
                version is None or params.get("version") == version)
        return self.wait_for("textDocument/publishDiagnostics", accept,
                             timeout)["diagnostics"]

    def shutdown(self, timeout=60):
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise LSPError("the server did not exit after shutdown")


def offset(text, position):
    """The offset in `text` of an LSP position (UTF-16 columns; ASCII here)."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:position["line"]]) + \
        position["character"]


def apply_edits(text, edits):
    """`text` with LSP TextEdits applied, last first."""
    for edit in sorted(edits, key=lambda e: offset(text, e["range"]["start"]),
                       reverse=True):
        start = offset(text, edit["range"]["start"])
        end = offset(text, edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def edits_for(workspace_edit, path):
    """The TextEdits of `workspace_edit` on `path`, in either LSP form."""
    edits = []
    for change in workspace_edit.get("documentChanges", []):
        if change["textDocument"]["uri"] == uri(path):
            edits += change["edits"]
    edits += workspace_edit.get("changes", {}).get(uri(path), [])
    return edits
