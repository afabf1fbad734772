import AllerVersCLI
import ArgumentParser

AllerVers.main()
