/// The words the sample and generated data are made of.
enum SampleText {
    /// The demo account's e-mail.
    static let demoEmail = "demo@example.com"

    /// People who create, get assigned and get notified; the demo account is one of them.
    static let people = [
        demoEmail,
        "li.wei@example.com",
        "zhang.min@example.com",
        "ops-bot@example.com",
        "alice.wang@example.com",
        "chen.jie@example.com",
    ]

    /// The group tags, one of them Chinese.
    static let groupTags = ["default", "network", "database", "billing", "值班"]

    /// How often each group tag is chosen, in the order of ``groupTags``.
    static let groupTagWeights = [35, 20, 20, 10, 15]

    /// Ordinary Chinese subjects.
    static let chineseSubjects = [
        "pod event warn 需要解决",
        "数据库连接数过高",
        "磁盘使用率超过 90%",
        "负载均衡健康检查失败",
        "账单异常：本月费用上涨",
        "SSL 证书即将过期",
        "节点 NotReady，请排查",
        "Redis 内存使用率告警",
        "夜间备份任务失败",
        "跨机房网络延迟抖动",
        "申请开通新的 VPN 账号",
        "CDN 回源流量异常",
        "慢查询数量突增",
        "容器镜像拉取超时",
        "值班交接：未处理告警",
        "安全组规则变更申请",
        "对象存储权限配置错误",
        "Kafka 消费积压",
    ]

    /// Ordinary English subjects.
    static let englishSubjects = [
        "Disk usage above threshold on node-3",
        "Nightly backup failed",
        "Request for a new VPN account",
        "Invoice does not match usage",
        "Load balancer returns 502 intermittently",
        "Upgrade Kubernetes to the next minor version",
    ]

    /// Subjects that break naive CSV, Markdown, HTML and spreadsheet writers.
    static let hostileSubjects = [
        "账单, 发票与退款",
        "Customer says \"urgent\" again",
        "第一行\n第二行 (subject with a newline)",
        "CPU | 内存 | 磁盘 全部告警",
        "<script>alert('xss')</script> 页面异常",
        "=HYPERLINK(\"http://example.com\",\"click\")",
        "+86 联系电话变更",
        "-1 天的账单？",
        "@all 紧急：支付回调失败",
    ]

    /// Root causes written on closed tickets.
    static let rootCauses = ["", "配置错误", "容量不足", "network partition", "上游服务故障", "bug"]

    /// Tips, mostly empty.
    static let tips = ["", "", "", "", "", "", "", "请先查看监控面板", "See runbook RB-12"]

    /// Content types and a ticket body of each, empty the most common.
    static let contents: [TicketBody] = [
        TicketBody("", ""), TicketBody("", ""), TicketBody("", ""), TicketBody("", ""),
        TicketBody("", ""),
        TicketBody("markdown", "## 现象\n告警持续 **15 分钟**，影响部分用户。\n\n- 已重启\n- 待观察"),
        TicketBody("markdown", "处理步骤：\n1. 扩容\n2. 观察 `p99` 延迟"),
        TicketBody("markdown", "See [runbook](https://wiki.example.com/rb-12) \\ step 3"),
        TicketBody("text", "Alert fired at 03:12, paged on-call, mitigated by failover."),
        TicketBody("text", "已联系客户，等待回复。"),
    ]

    /// Resource kinds for the `resources` field.
    static let resourceKinds = ["ecs", "rds", "slb", "oss", "k8s-node"]

    /// Regions for the `resources` field.
    static let regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"]
}

/// A content type and a ticket body of that type.
struct TicketBody: Sendable {
    let type: String
    let text: String

    init(_ type: String, _ text: String) {
        self.type = type
        self.text = text
    }
}
