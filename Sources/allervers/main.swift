import AllerVersCLI

await AllerVers.runProcess()
