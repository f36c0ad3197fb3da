namespace Portal.Web.Connections.Ui;

public enum PopupEventKind
{
    Opened,
    Blocked,
    ClosedWithoutAnswer,
    Connected,
    Failed,
}
