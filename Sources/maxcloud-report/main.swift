import Foundation
import MaxCloudReportCLI

let status = await CLI.main(Array(CommandLine.arguments.dropFirst()))
fflush(nil)
exit(status)
