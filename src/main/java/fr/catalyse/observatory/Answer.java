package fr.catalyse.observatory;

/**
 * What a request to the observatory answers, whatever the transport: its status, content
 * type, the file name of an export (null otherwise) and its body.
 */
record Answer(int status, String contentType, String filename, byte[] body) {

    static final String JSON = "application/json;charset=UTF-8";

    /** The value of Content-Disposition for an export, else null. */
    String disposition() {
        return filename == null ? null : "attachment; filename=\"" + filename + "\"";
    }
}
