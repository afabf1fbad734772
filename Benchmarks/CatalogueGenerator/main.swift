import TrainingCore
import TrainingXML
print("todo")
