#!/usr/bin/env python3
import json, subprocess, sys, time, os, statistics
# Usage: keystroke-latency.py WORKSPACE "SERVER COMMAND" RELATIVE_FILE
# Measures didChange -> publishDiagnostics of `firebreak lsp` (debounce 0) over 30 edits of one file.
root = sys.argv[1]; server = sys.argv[2].split(); rel = sys.argv[3]
p = subprocess.Popen(server + ['lsp', '--debounce-ms', '0'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(msg):
    b = json.dumps(msg).encode(); p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def read():
    headers = {}
    while True:
        line = p.stdout.readline()
        if line in (b'\r\n', b''): break
        k, v = line.decode().split(':', 1); headers[k.strip()] = v.strip()
    return json.loads(p.stdout.read(int(headers['Content-Length'])))
def diags(v):
    while True:
        m = read()
        if m.get('method') == 'textDocument/publishDiagnostics' and m['params'].get('version') == v: return m['params']['diagnostics']
uri = 'file://' + os.path.join(root, rel)
send({'jsonrpc':'2.0','id':1,'method':'initialize','params':{'rootUri':'file://'+root,'capabilities':{}}}); read()
text = open(os.path.join(root, rel)).read()
t=time.time(); send({'jsonrpc':'2.0','method':'textDocument/didOpen','params':{'textDocument':{'uri':uri,'languageId':'x','version':1,'text':text}}}); d=diags(1); print('open', round(time.time()-t,3), len(d))
times=[]
for v in range(2, 32):
    text2 = text + ("\n# edit %d\n" % v)
    t=time.time(); send({'jsonrpc':'2.0','method':'textDocument/didChange','params':{'textDocument':{'uri':uri,'version':v},'contentChanges':[{'text':text2}]}}); diags(v); times.append(time.time()-t)
print('keystroke median ms', round(statistics.median(times)*1000,1), 'p90', round(sorted(times)[int(len(times)*0.9)]*1000,1))
send({'jsonrpc':'2.0','id':9,'method':'shutdown'}); read(); send({'jsonrpc':'2.0','method':'exit'}); p.wait()
