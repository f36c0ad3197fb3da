namespace Portal.Web.ConnectionsUi;

public enum PopupEventKind
{
    Opened,
    Blocked,
    ClosedWithoutAnswer,
    Connected,
    Failed,
}
