print("runtime-advisor")
