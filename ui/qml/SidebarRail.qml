import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The sidebar collapsed (Ctrl+B): a rail of icons for what the sidebar offers.
Pane {
    id: rail
    padding: design.spaceXs
    background: Rectangle {
        color: design.surface
        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: design.border
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: design.spaceXs
        IconButton {
            objectName: "expandSidebar"
            iconName: "sidebar"
            iconOnly: true
            text: qsTr("Show the conversations (Ctrl+B)")
            onClicked: ApplicationWindow.window.toggleSidebar()
        }
        IconButton {
            iconName: "new-chat"
            iconOnly: true
            text: qsTr("New chat")
            onClicked: chat.newChat()
        }
        IconButton {
            iconName: "search"
            iconOnly: true
            text: qsTr("Search all chats")
            onClicked: ApplicationWindow.window.focusSearch()
        }
        Item { Layout.fillHeight: true }
        IconButton {
            iconName: "models"
            iconOnly: true
            text: qsTr("Models")
            onClicked: ApplicationWindow.window.showPage("models")
        }
        IconButton {
            iconName: "settings"
            iconOnly: true
            text: qsTr("Settings")
            onClicked: ApplicationWindow.window.showPage("settings")
        }
    }
}
