enum WorkableSandboxPlaceholder {}
