import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The main window: conversations on the leading side, the open chat, the reasoning inspector on
// the trailing side when open, the status bar below. Under a right-to-left language the whole
// layout mirrors (LayoutMirroring follows the application's layout direction).
ApplicationWindow {
    id: window
    width: 1100
    height: 720
    visible: true
    title: chat.conversationId > 0 ? qsTr("%1 — Sikao").arg(chat.conversationTitle) : qsTr("Sikao")

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    Shortcut {
        sequence: "Ctrl+N"
        onActivated: { chat.newChat(); chatView.focusComposer() }
    }
    Shortcut {
        sequence: "Ctrl+F"
        onActivated: sidebar.focusSearch()
    }
    Shortcut {
        sequence: "Ctrl+L"
        onActivated: chatView.focusComposer()
    }
    Shortcut {
        sequence: "Esc"
        enabled: chat.generating
        onActivated: chat.stop()
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        onActivated: chat.copyLastAnswer()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            id: sidebar
            objectName: "sidebar"
            Layout.preferredWidth: 280
            Layout.fillHeight: true
        }
        ChatView {
            id: chatView
            objectName: "chatView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            onInspectRequested: (row) => { chat.inspect(row); inspector.visible = true }
        }
        InspectorPanel {
            id: inspector
            objectName: "inspector"
            visible: false
            Layout.preferredWidth: 360
            Layout.fillHeight: true
            onCloseRequested: visible = false
        }
    }

    footer: StatusBar {}

    Connections {
        target: chat
        function onLastErrorChanged() { if (chat.lastError !== "") errorPopup.open() }
    }
    Popup {
        id: errorPopup
        objectName: "errorPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(window.width - 40, 480)
        padding: 16
        contentItem: ColumnLayout {
            Accessible.role: Accessible.AlertMessage
            Accessible.name: chat.lastError
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: chat.lastError
                color: "firebrick"
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: errorPopup.close()
            }
        }
    }
}
