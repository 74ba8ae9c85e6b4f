public enum TrackerRMSSandboxPlaceholder {}
