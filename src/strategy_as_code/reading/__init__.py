"""Reading a strategy: files from the working tree or from git, YAML with positions, the JSON
Schemas, the text checks, and the loader that turns it all into the model or every problem."""
