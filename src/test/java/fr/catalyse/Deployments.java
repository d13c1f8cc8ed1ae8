package fr.catalyse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A deployment upload as Modeler and Cockpit send it: {@code multipart/form-data} with a
 * name and one file.
 */
public record Deployments(String contentType, byte[] body) {

    public static Deployments of(String deploymentName, String fileName, String content) {
        String boundary = "----catalyse" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + deploymentName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Deployments("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * The smallest executable model: a start event leading straight to its end, under
     * this key.
     */
    public static String emptyProcess(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://catalyse.test">
                  <bpmn:process id="%s" name="Sonde de déploiement" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" name="Début" />
                    <bpmn:sequenceFlow id="Flow_End" sourceRef="Start" targetRef="End" />
                    <bpmn:endEvent id="End" name="Fin" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
    }
}
