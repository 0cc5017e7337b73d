// Filled in below: the terminal smoke demo.
print("terminal-smoke: not built yet")
