import AdvisorCore
import AdvisorFiles
import Foundation

let engine = try! KnowledgeSource.engine(dataDirectory: nil)
let encoder = JSONEncoder()
let kbData = try! encoder.encode(engine.knowledgeBase)
let qData = try! encoder.encode(engine.questionnaire)
print("json bytes", kbData.count, qData.count)
let plist = PropertyListEncoder(); plist.outputFormat = .binary
let kbPlist = try! plist.encode(engine.knowledgeBase)
print("plist bytes", kbPlist.count)
func time(_ label: String, _ body: () -> Void) {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<20 { body() }
    print(label, Double(DispatchTime.now().uptimeNanoseconds - start) / 20 / 1e6, "ms")
}
time("json decode") { _ = try! JSONDecoder().decode(KnowledgeBase.self, from: kbData); _ = try! JSONDecoder().decode(Questionnaire.self, from: qData) }
time("plist decode") { _ = try! PropertyListDecoder().decode(KnowledgeBase.self, from: kbPlist) }
time("yaml load") { _ = try! KnowledgeSource.engine(dataDirectory: nil) }
