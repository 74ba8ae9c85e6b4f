import Configuration
import TOMLKit

func probeTOML() throws -> Int { try TOMLTable(string: "a = 1").count }
