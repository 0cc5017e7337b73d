print("advisor-bench: not yet")
