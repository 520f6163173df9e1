import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

// New chat, search over all chats, and the conversations grouped by section (pinned, today,
// yesterday, previous 7 days, older) with rename, pin, export and delete (with undo); below, the
// way to the models and the settings.
Pane {
    id: sidebar
    padding: design.spaceS
    background: Rectangle {
        color: design.surface
        Rectangle {  // the edge toward the chat
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: design.border
        }
    }

    function focusSearch() { searchField.forceActiveFocus(); searchField.selectAll() }
    function search(text) { searchField.text = text }

    property var exportId: 0
    property string exportFormat: "md"

    ColumnLayout {
        anchors.fill: parent
        spacing: design.spaceS

        RowLayout {
            spacing: design.spaceXs
            Layout.fillWidth: true
            IconButton {
                objectName: "collapseSidebar"
                iconName: "sidebar"
                iconOnly: true
                text: qsTr("Hide the conversations (Ctrl+B)")
                onClicked: ApplicationWindow.window.toggleSidebar()
            }
            IconButton {
                objectName: "newChatButton"
                iconName: "new-chat"
                text: qsTr("New chat")
                Layout.fillWidth: true
                font.pointSize: design.fontBody
                onClicked: chat.newChat()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Start a new chat (Ctrl+N)")
            }
        }
        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            leftPadding: design.spaceS + design.iconSize + design.spaceXs
            Icon {
                name: "search"
                color: design.textMuted
                anchors.verticalCenter: parent.verticalCenter
                x: searchField.mirrored ? searchField.width - width - design.spaceS : design.spaceS
            }
            placeholderText: qsTr("Search all chats")
            Accessible.name: qsTr("Search all chats")
            onTextChanged: searchDelay.restart()
            Keys.onEscapePressed: text = ""
            Timer {
                id: searchDelay
                interval: 150
                onTriggered: chat.search.query = searchField.text
            }
        }

        // Search results replace the list while there is a query.
        ListView {
            id: results
            visible: searchField.text.trim() !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: chat.search
            spacing: 4
            Accessible.name: qsTr("Search results")
            delegate: ItemDelegate {
                id: result
                width: results.width
                Accessible.name: title
                background: Rectangle {
                    radius: design.radiusM
                    color: result.down ? design.pressed : result.hovered ? design.hover : "transparent"
                    border.width: result.visualFocus ? 2 : 0
                    border.color: design.focus
                }
                contentItem: ColumnLayout {
                    Label {
                        text: title
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: (field === "reasoning" ? qsTr("Reasoning: ") : "") + snippet
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        color: design.textMuted
                    }
                }
                onClicked: chat.openSearchResult(index)
            }
            Label {
                anchors.centerIn: parent
                visible: results.count === 0
                text: chat.search.error !== "" ? chat.search.error : qsTr("No matches")
                wrapMode: Text.Wrap
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
            }
        }

        ListView {
            id: conversations
            visible: !results.visible
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: chat.conversations
            Accessible.name: qsTr("Conversations")
            section.property: "sectionLabel"
            section.criteria: ViewSection.FullString
            section.delegate: Label {
                width: conversations.width
                text: section
                font.bold: true
                font.pointSize: design.fontCaption
                color: design.textMuted
                leftPadding: design.spaceS
                topPadding: design.spaceM
                bottomPadding: design.spaceXs
            }
            delegate: ItemDelegate {
                id: row
                width: conversations.width
                highlighted: conversationId === chat.conversationId
                Accessible.name: title
                property bool editing: false
                topPadding: design.spaceXs
                bottomPadding: design.spaceXs
                background: Rectangle {
                    radius: design.radiusM
                    color: row.highlighted ? design.turn : row.down ? design.pressed
                         : row.hovered ? design.hover : "transparent"
                    border.width: row.visualFocus ? 2 : 0
                    border.color: design.focus
                }
                contentItem: RowLayout {
                    spacing: design.spaceXs
                    Icon {
                        visible: pinned
                        name: "pin"
                        color: design.textMuted
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("Pinned")
                    }
                    Label {
                        visible: !row.editing
                        text: title
                        color: design.text
                        font.bold: row.highlighted
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: renameField
                        visible: row.editing
                        Layout.fillWidth: true
                        text: title
                        Accessible.name: qsTr("New title")
                        onAccepted: { chat.conversations.rename(conversationId, text); row.editing = false }
                        Keys.onEscapePressed: row.editing = false
                        onActiveFocusChanged: if (!activeFocus) row.editing = false
                    }
                    IconButton {
                        iconName: "more"
                        iconOnly: true
                        text: qsTr("Conversation actions")
                        // Shown on the row under the pointer, the open chat and by keyboard.
                        opacity: row.hovered || row.highlighted || visualFocus || menu.visible ? 1 : 0
                        onClicked: menu.open()
                        Menu {
                            id: menu
                            MenuItem {
                                icon.source: "qrc:/icons/edit.svg"
                                text: qsTr("Rename")
                                enabled: !chat.historyReadOnly
                                onTriggered: { row.editing = true; renameField.forceActiveFocus(); renameField.selectAll() }
                            }
                            MenuItem {
                                icon.source: "qrc:/icons/pin.svg"
                                text: pinned ? qsTr("Unpin") : qsTr("Pin")
                                enabled: !chat.historyReadOnly
                                onTriggered: chat.conversations.setPinned(conversationId, !pinned)
                            }
                            MenuItem {
                                icon.source: "qrc:/icons/export.svg"
                                text: qsTr("Export as Markdown…")
                                onTriggered: { sidebar.exportId = conversationId; sidebar.exportFormat = "md"; exportDialog.open() }
                            }
                            MenuItem {
                                icon.source: "qrc:/icons/export.svg"
                                text: qsTr("Export as JSON…")
                                onTriggered: { sidebar.exportId = conversationId; sidebar.exportFormat = "json"; exportDialog.open() }
                            }
                            MenuItem {
                                icon.source: "qrc:/icons/delete.svg"
                                icon.color: design.danger
                                text: qsTr("Delete")
                                enabled: !chat.historyReadOnly
                                onTriggered: chat.conversations.remove(conversationId)
                            }
                        }
                    }
                }
                onClicked: chat.openConversation(conversationId)
            }
        }

        Label {
            id: exportError
            visible: text !== ""
            color: design.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            TapHandler { onTapped: exportError.text = "" }
        }

        // Undo for the last deletion, until its window ends.
        Frame {
            visible: chat.conversations.undoAvailable
            Layout.fillWidth: true
            RowLayout {
                anchors.fill: parent
                Label {
                    text: qsTr("Deleted “%1”").arg(chat.conversations.undoTitle)
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Undo")
                    onClicked: chat.conversations.undoRemove()
                    Accessible.name: qsTr("Undo delete")
                }
            }
        }

        // The way to the model manager and the settings (they replace the chat area).
        RowLayout {
            Layout.fillWidth: true
            spacing: design.spaceXs
            IconButton {
                objectName: "modelsButton"
                iconName: "models"
                text: qsTr("Models")
                Layout.fillWidth: true
                onClicked: ApplicationWindow.window.showPage("models")
                Accessible.name: qsTr("Manage models")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Choose, open and load models")
            }
            IconButton {
                objectName: "settingsButton"
                iconName: "settings"
                text: qsTr("Settings")
                Layout.fillWidth: true
                onClicked: ApplicationWindow.window.showPage("settings")
                Accessible.name: qsTr("Settings")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Sampling, system prompt, appearance, language and device (Ctrl+,)")
            }
        }
    }

    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Export chat")
        nameFilters: sidebar.exportFormat === "md" ? [qsTr("Markdown (*.md)")] : [qsTr("JSON (*.json)")]
        defaultSuffix: sidebar.exportFormat
        onAccepted: {
            const error = chat.conversations.exportTo(sidebar.exportId, sidebar.exportFormat, selectedFile.toString())
            if (error !== "") exportError.text = error
        }
    }
}
