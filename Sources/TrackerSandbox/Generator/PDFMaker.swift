/// Writes small but valid PDF documents (one page of text), so downloaded resumes open in a viewer.
enum PDFMaker {
    /// A one-page PDF showing `lines` in Helvetica.
    static func document(lines: [String]) -> [UInt8] {
        var stream = "BT /F1 14 Tf 72 720 Td 18 TL"
        for line in lines {
            // PDF literal strings escape parentheses and backslashes; non-ASCII letters are dropped
            // because the standard fonts only cover Latin-1 and this keeps the file plain ASCII.
            let escaped = line.unicodeScalars.compactMap { scalar -> String? in
                switch scalar {
                case "(", ")", "\\": return "\\\(scalar)"
                case " "..."~": return String(scalar)
                default: return nil
                }
            }.joined()
            stream += " (\(escaped)) '"
        }
        stream += " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output: [UInt8] = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = output.count
        var trailer = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            trailer += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        trailer += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        output += Array(trailer.utf8)
        return output
    }
}
