/// The advisor's version, written into JSON output and decision records.
public enum ToolVersion {
    public static let current = "0.1.0"
}
