package io.agentmetrics.a2a.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.lf.a2a.v1.AgentCapabilities;
import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.AgentInterface;
import com.google.lf.a2a.v1.AgentProvider;
import com.google.lf.a2a.v1.AgentSkill;
import com.google.lf.a2a.v1.HTTPAuthSecurityScheme;
import com.google.lf.a2a.v1.SecurityRequirement;
import com.google.lf.a2a.v1.SecurityScheme;
import com.google.lf.a2a.v1.StringList;
import java.util.Map;

/**
 * The A2A 1.0 agent card, built from the 0.3 card so both describe one agent: {@code
 * supportedInterfaces} lists JSON-RPC 1.0 and HTTP+JSON 1.0 first, then the JSON-RPC 0.3 endpoint,
 * each with its URL; a bearer scheme is declared when the 0.3 card declares one.
 */
final class AgentCardV1 {

  static final String JSONRPC = "JSONRPC";
  static final String HTTP_JSON = "HTTP+JSON";

  private AgentCardV1() {}

  static AgentCard of(io.agentmetrics.a2a.dto.AgentCard card) {
    String rpcUrl = card.url();
    String restUrl = rpcUrl.endsWith("/") ? rpcUrl.substring(0, rpcUrl.length() - 1) : rpcUrl;
    AgentCard.Builder v1 =
        AgentCard.newBuilder()
            .setName(card.name())
            .setDescription(card.description())
            .setVersion(card.version())
            .addSupportedInterfaces(iface(rpcUrl, JSONRPC, ProtocolVersion.V1_0))
            .addSupportedInterfaces(iface(restUrl, HTTP_JSON, ProtocolVersion.V1_0))
            .addSupportedInterfaces(iface(rpcUrl, JSONRPC, ProtocolVersion.V0_3))
            .setProvider(
                AgentProvider.newBuilder()
                    .setOrganization(card.provider().organization())
                    .setUrl(card.provider().url()))
            .setCapabilities(
                AgentCapabilities.newBuilder()
                    .setStreaming(card.capabilities().streaming())
                    .setPushNotifications(card.capabilities().pushNotifications())
                    .setExtendedAgentCard(false))
            .addAllDefaultInputModes(card.defaultInputModes())
            .addAllDefaultOutputModes(card.defaultOutputModes());
    for (Map.Entry<String, io.agentmetrics.a2a.dto.AgentCard.SecurityScheme> scheme :
        card.securitySchemes().entrySet()) {
      v1.putSecuritySchemes(
          scheme.getKey(),
          SecurityScheme.newBuilder()
              .setHttpAuthSecurityScheme(
                  HTTPAuthSecurityScheme.newBuilder()
                      .setScheme(scheme.getValue().scheme())
                      .setDescription(scheme.getValue().description()))
              .build());
    }
    for (Map<String, java.util.List<String>> requirement : card.security()) {
      SecurityRequirement.Builder wire = SecurityRequirement.newBuilder();
      requirement.forEach(
          (name, scopes) ->
              wire.putSchemes(name, StringList.newBuilder().addAllList(scopes).build()));
      v1.addSecurityRequirements(wire);
    }
    for (io.agentmetrics.a2a.dto.AgentCard.AgentSkill skill : card.skills()) {
      v1.addSkills(
          AgentSkill.newBuilder()
              .setId(skill.id())
              .setName(skill.name())
              .setDescription(skill.description())
              .addAllTags(skill.tags())
              .addAllExamples(skill.examples()));
    }
    return v1.build();
  }

  /**
   * The union card: the 1.0 card's JSON with the 0.3 card's fields added, so clients of either
   * version read it (each ignores the fields it does not know, as both specifications ask). Where
   * both define a field ({@code capabilities}, each security scheme) the two objects are merged.
   */
  static byte[] union(ObjectMapper mapper, io.agentmetrics.a2a.dto.AgentCard card, String v1Json) {
    try {
      ObjectNode union = mapper.valueToTree(card);
      ObjectNode v1 = (ObjectNode) mapper.readTree(v1Json);
      for (Map.Entry<String, JsonNode> field : v1.properties()) {
        JsonNode old = union.get(field.getKey());
        if (old instanceof ObjectNode merged && field.getValue() instanceof ObjectNode added) {
          merge(merged, added);
        } else {
          union.set(field.getKey(), field.getValue());
        }
      }
      return mapper.writeValueAsBytes(union);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("both cards are JSON", e);
    }
  }

  private static void merge(ObjectNode into, ObjectNode added) {
    for (Map.Entry<String, JsonNode> field : added.properties()) {
      JsonNode old = into.get(field.getKey());
      if (old instanceof ObjectNode merged && field.getValue() instanceof ObjectNode more) {
        merge(merged, more);
      } else {
        into.set(field.getKey(), field.getValue());
      }
    }
  }

  private static AgentInterface iface(String url, String binding, ProtocolVersion version) {
    return AgentInterface.newBuilder()
        .setUrl(url)
        .setProtocolBinding(binding)
        .setProtocolVersion(version.label())
        .build();
  }
}
