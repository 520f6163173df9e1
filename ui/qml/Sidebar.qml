import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

// New chat, search over all chats, and the conversations grouped by section (pinned, today,
// yesterday, previous 7 days, older) with rename, pin, export and delete (with undo); below, the
// way to the models and the settings.
Pane {
    id: sidebar
    padding: 8

    function focusSearch() { searchField.forceActiveFocus(); searchField.selectAll() }
    function search(text) { searchField.text = text }

    property var exportId: 0
    property string exportFormat: "md"

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Button {
            text: qsTr("New chat")
            Layout.fillWidth: true
            onClicked: chat.newChat()
            Accessible.name: qsTr("New chat")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Start a new chat (Ctrl+N)")
        }
        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
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
                width: results.width
                Accessible.name: title
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
                        opacity: 0.85
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
                opacity: 0.7
                topPadding: 8
                bottomPadding: 4
            }
            delegate: ItemDelegate {
                id: row
                width: conversations.width
                highlighted: conversationId === chat.conversationId
                Accessible.name: title
                property bool editing: false
                contentItem: RowLayout {
                    Label {
                        visible: pinned
                        text: "📌"
                        Accessible.name: qsTr("Pinned")
                    }
                    Label {
                        visible: !row.editing
                        text: title
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
                    ToolButton {
                        text: "⋯"
                        Accessible.name: qsTr("Conversation actions")
                        onClicked: menu.open()
                        Menu {
                            id: menu
                            MenuItem {
                                text: qsTr("Rename")
                                enabled: !chat.historyReadOnly
                                onTriggered: { row.editing = true; renameField.forceActiveFocus(); renameField.selectAll() }
                            }
                            MenuItem {
                                text: pinned ? qsTr("Unpin") : qsTr("Pin")
                                enabled: !chat.historyReadOnly
                                onTriggered: chat.conversations.setPinned(conversationId, !pinned)
                            }
                            MenuItem {
                                text: qsTr("Export as Markdown…")
                                onTriggered: { sidebar.exportId = conversationId; sidebar.exportFormat = "md"; exportDialog.open() }
                            }
                            MenuItem {
                                text: qsTr("Export as JSON…")
                                onTriggered: { sidebar.exportId = conversationId; sidebar.exportFormat = "json"; exportDialog.open() }
                            }
                            MenuItem {
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
            color: "firebrick"
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
            Button {
                objectName: "modelsButton"
                text: qsTr("Models")
                Layout.fillWidth: true
                onClicked: ApplicationWindow.window.showPage("models")
                Accessible.name: qsTr("Manage models")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Choose, open and load models")
            }
            Button {
                objectName: "settingsButton"
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
