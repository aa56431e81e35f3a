print("errata")
