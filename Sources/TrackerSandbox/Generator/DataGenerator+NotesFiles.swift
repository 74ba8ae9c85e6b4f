internal import Foundation

extension DataGenerator {
    // Notes come in pairs: note k belongs to group (k-1)/2, and groups are spread evenly over the
    // applications in id order. The mapping is monotone, so the notes of one application are a
    // contiguous id range found by binary search, and `/notes?app_id=` costs O(log n).

    /// The application of base note `id`.
    func noteApplicationID(_ id: Int) -> Int {
        let groups = (noteCount + 1) / 2
        let group = (id - 1) / 2
        return 1 + Int(Int64(group) * Int64(applicationCount) / Int64(max(groups, 1)))
    }

    /// The base note ids of an application, ascending.
    func noteIDs(ofApplication applicationID: Int) -> ClosedRange<Int>? {
        Self.preimage(of: applicationID, count: noteCount, map: noteApplicationID)
    }

    /// When base note `id` was written and last edited: after its application, never after the anchor.
    func noteTimes(_ id: Int) -> (created: Int64, updated: Int64) {
        let applied = applicationCreatedAt(noteApplicationID(id))
        let draw = hash.draw(.note, id, 1)
        let room = max(anchor - applied, 0)
        let created = applied + Int64(draw % UInt64(min(room, 30 * CivilTime.secondsPerDay) + 1))
        let edited = (draw >> 32) % 5 == 0
        let updated = edited ? created + Int64((draw >> 36) % UInt64(min(anchor - created, 86_400) + 1)) : created
        return (created, updated)
    }

    /// Base note `id` (1…noteCount).
    func note(_ id: Int) -> SandboxNote {
        let applicationID = noteApplicationID(id)
        let draw = hash.draw(.note, id, 1)
        let (created, updated) = noteTimes(id)
        let author = Self.users[Int((draw >> 20) % UInt64(Self.users.count))]
        return SandboxNote(
            id: id,
            applicationID: applicationID,
            jobID: applicationJobID(applicationID),
            author: "\(author.firstName) \(author.lastName)",
            body: Vocabulary.noteBodies[Int((draw >> 24) % UInt64(Vocabulary.noteBodies.count))],
            createdAt: Date(epochSeconds: created),
            updatedAt: Date(epochSeconds: updated)
        )
    }

    /// The application of base file `id`; files are spread evenly over applications in id order.
    func fileApplicationID(_ id: Int) -> Int {
        1 + Int(Int64(id - 1) * Int64(applicationCount) / Int64(max(fileCount, 1)))
    }

    /// The base file ids of an application, ascending.
    func fileIDs(ofApplication applicationID: Int) -> ClosedRange<Int>? {
        Self.preimage(of: applicationID, count: fileCount, map: fileApplicationID)
    }

    /// Base file `id` (1…fileCount): the first file of an application is usually its resume (a PDF);
    /// others are cover letters (text) or portfolios (PDF).
    func file(_ id: Int) -> SandboxFile {
        let applicationID = fileApplicationID(id)
        let person = personIndex(ofApplication: applicationID)
        let first = Vocabulary.firstNames[hash.below(Vocabulary.firstNames.count, .person, person, 1)]
        let last = Vocabulary.lastNames[hash.below(Vocabulary.lastNames.count, .person, person, 2)]
        let draw = hash.draw(.file, id, 1)
        let isFirst = fileIDs(ofApplication: applicationID)?.lowerBound == id
        let created = fileCreatedAt(id)
        let name = "\(Vocabulary.slug(first).capitalized)_\(Vocabulary.slug(last).capitalized)"
        if isFirst && draw % 10 < 9 {
            return SandboxFile(
                id: id, applicationID: applicationID, filename: "\(name)_Resume.pdf", kind: "resume",
                contentType: "application/pdf",
                content: PDFMaker.document(lines: ["\(first) \(last)", "Resume", "Experience: \(draw % 20) years"]),
                createdAt: Date(epochSeconds: created)
            )
        }
        if draw % 2 == 0 {
            let text = "Dear hiring team,\n\nI am excited to apply. Kind regards,\n\(first) \(last)\n"
            return SandboxFile(
                id: id, applicationID: applicationID, filename: "\(name)_Cover_Letter.txt", kind: "attachment",
                contentType: "text/plain", content: Array(text.utf8), createdAt: Date(epochSeconds: created)
            )
        }
        return SandboxFile(
            id: id, applicationID: applicationID, filename: "\(name)_Portfolio.pdf", kind: "attachment",
            contentType: "application/pdf", content: PDFMaker.document(lines: ["\(first) \(last)", "Portfolio"]),
            createdAt: Date(epochSeconds: created)
        )
    }

    /// When base file `id` was added: with the application for its first file, within a day after
    /// for the others.
    func fileCreatedAt(_ id: Int) -> Int64 {
        let applicationID = fileApplicationID(id)
        let applied = applicationCreatedAt(applicationID)
        guard fileIDs(ofApplication: applicationID)?.lowerBound != id else { return applied }
        return min(applied + Int64((hash.draw(.file, id, 1) >> 8) % 86_400), anchor)
    }

    /// The ids in 1…count that a monotone `map` sends to `target`, or `nil` if there are none.
    static func preimage(of target: Int, count: Int, map: (Int) -> Int) -> ClosedRange<Int>? {
        func firstIndex(where predicate: (Int) -> Bool) -> Int {
            var low = 1
            var high = count + 1
            while low < high {
                let mid = (low + high) / 2
                if predicate(map(mid)) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        let lower = firstIndex { $0 >= target }
        let upper = firstIndex { $0 > target } - 1
        return lower <= upper ? lower...upper : nil
    }
}
